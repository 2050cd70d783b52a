import { queryOptions } from '@tanstack/react-query';
import type { Network, NetworkList } from '../../../../modules/community/networks.schemas';
import { apiGet } from '../../../lib/api';

/** The network pages (plain strings: the router's paths are declared at run time). */
export const NETWORKS: string = '/community/networks';
export const networkPath = (id: string): string => `${NETWORKS}/${id}`;

const yearQuery = (fiscalYear?: number) => (fiscalYear ? `?fiscalYear=${fiscalYear}` : '');

export const networksQuery = (fiscalYear?: number) =>
  queryOptions({
    queryKey: ['networks', fiscalYear],
    queryFn: () => apiGet<NetworkList>(`/api/community/networks${yearQuery(fiscalYear)}`),
  });

export const networkQuery = (id: string, fiscalYear?: number) =>
  queryOptions({
    queryKey: ['network', id, fiscalYear],
    queryFn: () => apiGet<Network>(`/api/community/networks/${id}${yearQuery(fiscalYear)}`),
  });

/** Everything the network screens show, refreshed after a write. */
export const NETWORK_KEYS = [['networks'], ['network']];
