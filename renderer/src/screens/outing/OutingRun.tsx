// The outing while it runs: pass after pass, each paid with the part the cashier confirms or sent to the
// "à régler autrement" list, until Alt+T closes it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, OutingView, PassCard } from '../../../../preload/contract';
import { useScanTarget, useShell, type ScanInput } from '../../shell/shell-context';
import { useAltShortcut } from '../../shell/use-shortcut';
import type { TillCall } from '../../use-call';
import { PasteScanForm } from '../../components/PasteScanForm';
import { useLatestScan } from '../../components/use-latest-scan';
import { formatCents } from '../../format/money';
import { errorSentence } from '../../i18n';
import { OutingPasses } from './OutingPasses';
import { OutingPassSale } from './OutingPassSale';
import { outingScan } from './outing-scan';
import { otherwiseReason } from './otherwise-reason';
import { isPaid } from '../../../../preload/contract/debit';

interface Props {
  outing: OutingView;
  onChange: (outing: OutingView) => void;
  /** The outing screen's calls: a refusal shows in its banner, and the buttons wait while one runs. */
  call: TillCall;
}

export function OutingRun({ outing, onChange, call }: Props) {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const { run } = call;
  const { scanning, scan: readPass } = useLatestScan();
  const busy = call.busy || scanning;
  const money = (c: number) => formatCents(c, i18n.language);
  const [card, setCard] = useState<PassCard | null>(null);
  const [last, setLast] = useState<{ ok: boolean; sentence: string } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!card) scanRef.current?.focus();
  }, [card]);

  const toOtherwise = useCallback(
    async (code: ErrorCode) => {
      const next = await run('outing.otherwise', { outingId: outing.outingId, code });
      if (next) onChange(next);
    },
    [run, outing.outingId, onChange],
  );

  const scan = useCallback(
    async (input: ScanInput) => {
      const result = await readPass(input);
      if (!result) return;
      const read = outingScan(result);
      if ('refusal' in read) {
        // Refused at the scan: to the list, and the run goes on.
        shell.beep('refused');
        setCard(null);
        setLast({ ok: false, sentence: errorSentence(t, read.refusal) });
        await toOtherwise(read.refusal);
        return;
      }
      setCard(read.card);
    },
    [readPass, shell, t, toOtherwise],
  );
  useScanTarget((s) => void scan(s));

  async function pay(amountCents: number) {
    if (!card) return;
    const paid = await run('outing.pass', { outingId: outing.outingId, scanId: card.scanId, amountCents });
    const name = `${card.beneficiary.givenName} ${card.beneficiary.familyName}`;
    setCard(null);
    if (!paid) return;
    onChange(paid.outing);
    const outcome = paid.outcome;
    const accepted = outcome && (isPaid(outcome.status) || outcome.status === 'pending');
    shell.beep(accepted ? 'accepted' : 'refused');
    setLast(
      accepted
        ? { ok: true, sentence: `${name} : ${money(outcome.amountCents)}` }
        : { ok: false, sentence: `${name} : ${otherwiseReason(t, paid.otherwise)}` },
    );
  }

  async function close() {
    const closed = await run('outing.close', { outingId: outing.outingId });
    if (closed) onChange(closed);
  }
  useAltShortcut('t', () => void close(), !busy);

  return (
    <>
      <h2 data-outing={outing.outingId}>
        {t('outing.running', { title: outing.title, price: money(outing.priceCents) })}
      </h2>
      <p className="outing-counts" role="status" data-passes={outing.passes.length}>
        {t('outing.counts', {
          passes: outing.passes.length,
          debits: outing.debitCount,
          atouts: money(outing.atoutsCents),
          otherwise: outing.otherwiseCount,
        })}
      </p>
      {last && (
        <p
          className={`banner ${last.ok ? 'banner-ok' : 'banner-ko'}`}
          data-last={last.ok ? 'paid' : 'otherwise'}
        >
          {last.sentence}
        </p>
      )}
      {card ? (
        <OutingPassSale
          key={card.scanId}
          card={card}
          outing={outing}
          busy={busy}
          onPay={(cents) => void pay(cents)}
        />
      ) : (
        <PasteScanForm label={t('outing.scan')} inputRef={scanRef} onScan={(s) => void scan(s)} />
      )}
      <OutingPasses outing={outing} />
      <div className="actions">
        <button type="button" aria-keyshortcuts="Alt+T" disabled={busy} onClick={() => void close()}>
          {t('outing.close')}
        </button>
      </div>
    </>
  );
}
