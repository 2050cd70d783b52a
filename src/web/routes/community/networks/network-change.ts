import type { Network } from '../../../../modules/community/networks.schemas';
import { api } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { NETWORK_KEYS } from './network-queries';

type Change = { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown };

/** A change to a part of a network (部会, member, body, event); says what was done. */
export function useNetworkChange(networkId: string, success: string, onDone?: () => void) {
  return useApiMutation(
    ({ method, path, body }: Change) =>
      api<Network>(method, `/api/community/networks/${networkId}${path}`, body),
    { invalidate: NETWORK_KEYS, success, onDone },
  );
}
