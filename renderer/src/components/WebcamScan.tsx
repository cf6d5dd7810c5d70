// The webcam as a scanner: a live preview, frames decoded by the scanner module, each read reported once.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startWebcamScanner, type WebcamErrorCode } from '../scan/webcam/webcam-scanner';
import type { RendererScan } from '../scan/scan-read';
import { useTill } from '../till-context';

interface Props {
  deviceId?: string | null;
  onScan?: (scan: RendererScan<'webcam'>) => void;
}

export function WebcamScan({ deviceId, onScan }: Props) {
  const { t } = useTranslation();
  const till = useTill();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<WebcamErrorCode | null>(null);
  const latest = useRef(onScan);
  latest.current = onScan;

  useEffect(() => {
    if (!video.current) return;
    let stopped = false;
    let handle: { stop(): void } | null = null;
    void startWebcamScanner({
      video: video.current,
      ...(deviceId ? { deviceId } : {}),
      onScan: (scan) => {
        void till.invoke('scanner.report', {
          source: 'webcam',
          durationMs: scan.durationMs,
          chars: scan.text.length,
        });
        latest.current?.(scan);
      },
      onError: setError,
    })
      .then((h) => {
        if (stopped) h.stop();
        else handle = h;
      })
      .catch(() => setError('CAMERA_FAILED'));
    return () => {
      stopped = true;
      handle?.stop();
    };
  }, [deviceId, till]);

  return (
    <div className="webcam">
      <video ref={video} className="webcam-preview" aria-label={t('scan.webcamPreview')} muted playsInline />
      {error && (
        <p className="banner banner-refused" role="alert" data-code={error}>
          {t(`scan.webcamError.${error}`)}
        </p>
      )}
    </div>
  );
}
