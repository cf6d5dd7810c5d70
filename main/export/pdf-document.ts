// A pdfkit document collected into one Buffer: every PDF the till makes (closures, contest letters) is
// A4, authored "Atouts Caisse", and dated by its facts rather than by now, so the same facts give the
// same bytes.
import PDFDocument from 'pdfkit';

export function a4Document(opts: { title: string; at: string; margin: number; compress?: boolean }): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: opts.margin,
    compress: opts.compress ?? true,
    info: {
      Title: opts.title,
      Producer: 'Atouts Caisse',
      Creator: 'Atouts Caisse',
      CreationDate: new Date(opts.at),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
