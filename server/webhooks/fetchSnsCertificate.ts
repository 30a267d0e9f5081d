import { get } from 'node:https';

/** The signing-certificate addresses SNS uses: HTTPS on an `sns.<region>.amazonaws.com` host (the validator's own rule). */
export const snsCertificateUrl = /^https:\/\/sns\.[a-zA-Z0-9-]{3,}\.amazonaws\.com(\.cn)?\/SimpleNotificationService-[a-zA-Z0-9]{32}\.pem$/;

/**
 * Fetches an SNS signing certificate (PEM) over HTTPS, refusing any address that is not an SNS
 * certificate URL, answers other than 200, bodies over 64 KiB and anything slower than 5 s.
 */
export function fetchSnsCertificate(url: string): Promise<string> {
  if (!snsCertificateUrl.test(url)) return Promise.reject(new Error('not an SNS signing certificate URL'));
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 5_000 }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`the SNS certificate answered ${response.statusCode ?? 'nothing'}`));
        return;
      }
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > 65_536) request.destroy(new Error('the SNS certificate is too large'));
      });
      response.on('end', () => resolve(body));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('the SNS certificate took too long')));
    request.on('error', reject);
  });
}
