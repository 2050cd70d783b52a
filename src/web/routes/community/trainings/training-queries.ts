import { queryOptions } from '@tanstack/react-query';
import type { TrainingList } from '../../../../modules/community/trainings.schemas';
import type { TrainingScope } from '../../../../shared/community-vocabulary';
import { apiGet } from '../../../lib/api';

export const trainingsQuery = (filter: { fiscalYear?: number; scope?: TrainingScope }) =>
  queryOptions({
    queryKey: ['trainings', filter],
    queryFn: () => {
      const params = new URLSearchParams();
      if (filter.fiscalYear) params.set('fiscalYear', String(filter.fiscalYear));
      if (filter.scope) params.set('scope', filter.scope);
      return apiGet<TrainingList>(`/api/community/trainings?${params}`);
    },
  });
