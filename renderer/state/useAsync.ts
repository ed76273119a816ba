import { useCallback, useState } from 'react';

/** Runs analyst actions and keeps the last error message for the banner. */
export function useErrors() {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      const value = await action();
      setError(null);
      return value;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, []);
  return { error, setError, run };
}
