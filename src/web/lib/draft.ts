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
