/** SHOW … LIKE '<pattern>' matching, as Snowflake's SHOW commands apply it. Pure. */

/** SHOW's LIKE: case-insensitive, % any run of characters, _ any one. */
export function likeMatcher(pattern: string | null): (name: string) => boolean {
  if (pattern === null) return () => true;
  const source = [...pattern]
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 'is');
  return (name) => regex.test(name);
}
