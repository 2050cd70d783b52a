import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A write that refreshes what it changed and says so. When the answer is a query's new data
 * (a step on a case answers with the case page), `answer` puts it there instead of a refetch.
 */
export function useApiMutation<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  options: {
    invalidate: QueryKey[];
    answer?: QueryKey;
    success: string | ((result: TResult) => string);
    onDone?: (result: TResult) => void;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (options.answer) queryClient.setQueryData(options.answer, result);
      await Promise.all(options.invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      notifications.show({
        color: 'teal',
        message: typeof options.success === 'string' ? options.success : options.success(result),
        closeButtonProps: { 'aria-label': '閉じる' },
      });
      options.onDone?.(result);
    },
  });
}
