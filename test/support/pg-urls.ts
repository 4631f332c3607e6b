/** The same server, connected to its maintenance database. */
export function adminUrl(url: string): string {
  return databaseUrl(url, 'postgres');
}

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
