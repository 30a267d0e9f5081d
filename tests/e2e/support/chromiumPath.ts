/** The Chromium the e2e tests drive: `CHROME_PATH`, else Debian's package. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}
