import { useEffect, useState } from 'react';

// Form drafts kept in this browser until saved, so that a network error or a reload
// does not lose what was typed at a busy desk. sessionStorage, not localStorage: on a shared
// office PC nothing personal outlives the tab. Cleared as soon as the server has it.
export function useDraft<T>(key: string, initial: T) {
  const storageKey = `tsunagu-draft:${key}`;
  const [restored, setRestored] = useState(false);
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = window.sessionStorage.getItem(storageKey);
      if (saved) {
        setTimeout(() => setRestored(true));
        return { ...initial, ...JSON.parse(saved) };
      }
    } catch {
      // unreadable draft: start afresh
    }
    return initial;
  });
  useEffect(() => {
    window.sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const clear = () => window.sessionStorage.removeItem(storageKey);
  const reset = () => {
    clear();
    setValue(initial);
    setRestored(false);
  };
  return { value, setValue, restored, clear, reset };
}

type Draft<T> = ReturnType<typeof useDraft<T>>;

/** One field of a draft, used like useState. */
export function draftField<T, K extends keyof T>(
  draft: Draft<T>,
  key: K,
): [T[K], (value: T[K] | ((previous: T[K]) => T[K])) => void] {
  const set = (value: T[K] | ((previous: T[K]) => T[K])) =>
    draft.setValue((form) => ({
      ...form,
      [key]: typeof value === 'function' ? (value as (previous: T[K]) => T[K])(form[key]) : value,
    }));
  return [draft.value[key], set];
}
