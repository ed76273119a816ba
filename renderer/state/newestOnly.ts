/**
 * Reloads set off by core events overlap, and each call is its own request: their answers can come
 * back in any order. The gate hands a request's answer on only if no later request went out since,
 * so an older answer landing last cannot put stale state back on screen.
 */
export function newestOnly() {
  let latest = 0;
  return <T>(request: Promise<T>): Promise<T | undefined> => {
    const ticket = ++latest;
    return request.then((value) => (ticket === latest ? value : undefined));
  };
}
