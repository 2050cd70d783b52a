import { queryOptions } from '@tanstack/react-query';
import type { Mapping } from '../../../modules/imports/imports.schemas';
import { apiGet } from '../../lib/api';

export const mappingsQuery = queryOptions({
  queryKey: ['imports', 'mappings'],
  queryFn: () => apiGet<{ mappings: Mapping[] }>('/api/imports/mappings'),
});
