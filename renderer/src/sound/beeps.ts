// Distinct beeps a cashier tells apart without looking: a rising pair for accepted, a low buzz for refused,
// three short ticks for an unreadable scan. WebAudio oscillators, so no audio file ships with the app.
export type Beep = 'accepted' | 'refused' | 'unreadable';

interface Tone {
  frequency: number;
  startS: number;
  durationS: number;
  wave: OscillatorType;
}

export const BEEP_TONES: Readonly<Record<Beep, readonly Tone[]>> = {
  accepted: [
    { frequency: 880, startS: 0, durationS: 0.09, wave: 'sine' },
    { frequency: 1320, startS: 0.1, durationS: 0.12, wave: 'sine' },
  ],
  refused: [{ frequency: 220, startS: 0, durationS: 0.45, wave: 'square' }],
  unreadable: [
    { frequency: 660, startS: 0, durationS: 0.05, wave: 'triangle' },
    { frequency: 660, startS: 0.09, durationS: 0.05, wave: 'triangle' },
    { frequency: 660, startS: 0.18, durationS: 0.05, wave: 'triangle' },
  ],
};

export interface BeepPlayer {
  play(beep: Beep): void;
  setEnabled(on: boolean): void;
}

export function createBeepPlayer(makeContext: () => AudioContext | null = defaultContext): BeepPlayer {
  let enabled = true;
  let context: AudioContext | null = null;
  return {
    setEnabled(on) {
      enabled = on;
    },
    play(beep) {
      if (!enabled) return;
      context ??= makeContext();
      if (!context) return;
      const ctx = context;
      if (ctx.state === 'suspended') void ctx.resume();
      const t0 = ctx.currentTime;
      for (const tone of BEEP_TONES[beep]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = tone.wave;
        osc.frequency.value = tone.frequency;
        // A short ramp in and out: no click at the edges.
        gain.gain.setValueAtTime(0, t0 + tone.startS);
        gain.gain.linearRampToValueAtTime(0.2, t0 + tone.startS + 0.01);
        gain.gain.linearRampToValueAtTime(0, t0 + tone.startS + tone.durationS);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + tone.startS);
        osc.stop(t0 + tone.startS + tone.durationS + 0.02);
      }
    },
  };
}

function defaultContext(): AudioContext | null {
  return typeof AudioContext === 'function' ? new AudioContext() : null;
}
