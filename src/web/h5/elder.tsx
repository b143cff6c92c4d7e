// 长辈版 (large font, high contrast), remembered on this phone.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const KEY = 'xz.h5.elder';
interface Elder {
  elder: boolean;
  setElder: (on: boolean) => void;
}
const Ctx = createContext<Elder>({ elder: false, setElder: () => {} });

function initial(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function ElderProvider({ children }: { children: ReactNode }) {
  const [elder, set] = useState(initial);
  useEffect(() => {
    document.documentElement.classList.toggle('xz-elder', elder);
  }, [elder]);
  const setElder = useCallback((on: boolean) => {
    set(on);
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      /* private mode */
    }
  }, []);
  const value = useMemo(() => ({ elder, setElder }), [elder, setElder]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useElder = () => useContext(Ctx);
