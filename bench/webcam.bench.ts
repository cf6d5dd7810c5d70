// Webcam decoding on the generated fixture set: success rate per decoder (Node, same decoder modules as
// the worker), then in headless Chromium the worker pipeline's frame rate at 640×480 and its cost
// against the bare decoder on the same frames, measured side by side in one page. Both sides grab each
// frame through the same scaling canvas; the bare side then decodes on the page's thread.
import { join } from 'node:path';
import { DEFAULT_QR_DECODER, QR_DECODER_NAMES } from '../renderer/src/scan/decoders/qr-decoder';
import { loadNodeQrDecoder, readPng } from '../scripts/decode';
import { makeQrFixtures } from '../scripts/fixtures/make-qr-fixtures';
import { launchChromium, serveHarness } from '../test/scan/browser';
import type { Figure } from './figure';

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const fixtures = makeQrFixtures();
  const figures: Figure[] = [];
  for (const name of QR_DECODER_NAMES) {
    const decoder = await loadNodeQrDecoder(name);
    let ok = 0;
    const missed: string[] = [];
    for (const image of fixtures.images) {
      const png = readPng(join(fixtures.dir, image.file));
      if (png && (await decoder.decode(png)) === image.expected) ok++;
      else missed.push(image.file);
    }
    if (missed.length)
      process.stderr.write(
        `  ${name} missed ${missed.length}/${fixtures.images.length}: ${missed.join(' ')}\n`,
      );
    figures.push({
      name: `webcam.success.${name}`,
      value: ok / fixtures.images.length,
      unit: 'ratio',
      ...(name === DEFAULT_QR_DECODER ? { target: '>=0.98' } : {}),
    });
  }

  const harness = await serveHarness(fixtures.dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(harness.url);
    await page.waitForSelector('body[data-ready=yes]');
    // Quick: one token's scenes; full: every token, every scene, three interleaved rounds.
    const images = ctx.quick ? fixtures.images.filter((i) => i.file.startsWith('00-')) : fixtures.images;
    const urls = images.map((i) => harness.fixturesUrl + i.file);
    const r = await page.evaluate(([u, d, n]) => window.harness.compare(u, d, n), [
      urls,
      DEFAULT_QR_DECODER,
      ctx.quick ? 2 : 3,
    ] as const);
    process.stderr.write(
      `  ${DEFAULT_QR_DECODER}: bare (grab + decode on the page) ${r.bareMsPerFrame.toFixed(1)} ms/frame, pipeline ${r.workerMsPerFrame.toFixed(1)} ms/frame (grabbing ${r.grabMsPerFrame.toFixed(1)}, decoding in the worker ${r.workerDecodeMsPerFrame.toFixed(1)}) over ${r.frames} frames\n`,
    );
    figures.push({
      name: 'webcam.worker_fps',
      value: 1000 / r.workerMsPerFrame,
      unit: 'fps',
      target: '>=15',
    });
    figures.push({
      name: 'webcam.overhead_vs_bare',
      value: r.workerMsPerFrame / r.bareMsPerFrame,
      unit: 'ratio',
      target: '<=1.2',
    });
  } finally {
    await browser.close();
    await harness.close();
  }
  return figures;
}
