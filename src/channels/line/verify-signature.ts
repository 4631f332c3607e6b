import { validateSignature } from '@line/bot-sdk';

/**
 * True when X-Line-Signature is the base64 HMAC-SHA256 of the raw body bytes
 * under the channel secret. Compare bytes, not re-encoded text: a body that is
 * not valid UTF-8 would otherwise change under decoding.
 */
export function verifyLineSignature(rawBody: Buffer, channelSecret: string, signature: string | undefined): boolean {
  if (signature === undefined || signature === '') return false;
  // The SDK compares in constant time and refuses a signature of the wrong length.
  return validateSignature(rawBody, channelSecret, signature);
}
