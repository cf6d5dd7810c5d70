// Which Region addresses the till may talk to. The device token and youths' pass tokens travel on every
// call: over plain http anyone on the path reads them. So https:// only, except on this computer's
// loopback (the reference server in tests and the demo), where nothing leaves the machine.
import { TillError } from '../../preload/contract';

/** 127.0.0.0/8, ::1 and `localhost`, as WHATWG URL normalises them (127.1 and 0x7f.0.0.1 become 127.0.0.1). */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return v4 !== null && Number(v4[1]) === 127 && v4.slice(2).every((part) => Number(part) <= 255);
}

/** Throws REGION_URL_INSECURE unless `url` is https://, or http:// to the loopback; no credentials in it. */
export function assertRegionUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TillError('REGION_URL_INSECURE', 'not a URL');
  }
  if (parsed.username !== '' || parsed.password !== '')
    throw new TillError('REGION_URL_INSECURE', 'credentials in the URL');
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
  throw new TillError('REGION_URL_INSECURE', `${parsed.protocol}//${parsed.host} is not https`);
}
