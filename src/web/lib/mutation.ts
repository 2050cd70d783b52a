import { notifications } from '@mantine/notifications';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/** A write that refreshes what it changed and says so. */
export function useApiMutation<TInput, TResult>(
  run: (input: TInput) => Promise<TResult>,
  options: {
    invalidate: QueryKey[];
    success: string | ((result: TResult) => string);
    onDone?: (result: TResult) => void;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
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
