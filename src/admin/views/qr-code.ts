import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URL for an <img>: drawn on the server, so the page
 * needs no script, and an <img> cannot run anything the payload might carry.
 */
export async function qrImageDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
