// 朗读: reads a text aloud in Mandarin with the phone's own voice (Web Speech API), for 长辈版 above all.
import { useCallback, useEffect, useRef, useState } from 'react';

/** False in browsers without speech synthesis (some in-app browsers): the button is then not shown at all. */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && !!window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function';
}

/** A Mandarin voice when the phone has one (zh-CN first, then any Chinese); otherwise the browser picks by `lang`. */
function mandarinVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const norm = (l: string) => l.replace('_', '-').toLowerCase();
  return voices.find((v) => norm(v.lang) === 'zh-cn') ?? voices.find((v) => norm(v.lang).startsWith('zh')) ?? null;
}

/** Start and stop reading; `speaking` stays true until the voice finishes, fails or is stopped. */
export function useReadAloud() {
  const [supported] = useState(canSpeak);
  const [speaking, setSpeaking] = useState(false);
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  const stop = useCallback(() => {
    current.current = null;
    setSpeaking(false);
    if (canSpeak()) window.speechSynthesis.cancel();
  }, []);

  const speak = useCallback((text: string) => {
    if (!canSpeak()) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    const voice = mandarinVoice(synth.getVoices?.() ?? []);
    if (voice) u.voice = voice;
    u.rate = 0.9; // a little slower than the default, for older listeners
    // Only the utterance now playing may end the "speaking" state (cancelling an old one fires its events too).
    const done = () => {
      if (current.current === u) {
        current.current = null;
        setSpeaking(false);
      }
    };
    u.onend = done;
    u.onerror = done;
    current.current = u;
    setSpeaking(true);
    synth.speak(u);
  }, []);

  // Leaving the page stops the voice.
  useEffect(
    () => () => {
      if (current.current && canSpeak()) window.speechSynthesis.cancel();
    },
    [],
  );

  const toggle = useCallback((text: string) => (current.current ? stop() : speak(text)), [speak, stop]);
  return { supported, speaking, toggle, stop };
}
