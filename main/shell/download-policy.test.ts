// The shell's download policy (download-policy.ts), as a table: Gestion's files from our page pass, nothing else.
import { expect, it } from 'vitest';
import { APP_INDEX_URL } from './security-policy';
import { downloadAllowed } from './download-policy';

const PAGE = 'app://till/index.html';
it.each<[string, string | null, string, boolean]>([
  [
    "a blob our page made (Gestion's CSV)",
    PAGE,
    'blob:app://till/6f1c2a3e-0d7b-4b8e-9f00-1234567890ab',
    true,
  ],
  ['a blob of another origin', PAGE, 'blob:https://evil.example/6f1c2a3e', false],
  ['a remote file', PAGE, 'https://evil.example/setup.exe', false],
  ['a file: URL', PAGE, 'file:///etc/passwd', false],
  ["a data: URL (not made from the till's bytes by our code)", PAGE, 'data:text/plain,hello', false],
  ['from a page that is not ours', 'https://evil.example/', 'blob:app://till/6f1c2a3e', false],
  ['from no page at all', null, 'blob:app://till/6f1c2a3e', false],
  ['another app:// host', PAGE, 'blob:app://other/6f1c2a3e', false],
])('%s', (_what, page, url, allowed) => {
  expect(downloadAllowed(page, url, APP_INDEX_URL)).toBe(allowed);
});
