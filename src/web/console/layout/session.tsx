// The signed-in user and the jurisdiction (one of their role regions) the console is looking at.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../api/auth';
import type { Level } from '../api/regions';
import { abilityRegions, hasAbility, type Ability } from '../lib/access';
import { useRegion } from '../api/regions';

export interface Jurisdiction {
  regionId: string;
  name: string;
  level: Level;
  roles: string[];
}

interface Session {
  me: Me;
  jurisdictions: Jurisdiction[];
  current: Jurisdiction | null;
  setCurrent: (regionId: string) => void;
  /** Held on some region: decides which menu entries exist. */
  can: (ability: Ability) => boolean;
  /** Held on the current jurisdiction (or a region above it): decides the buttons on its pages. */
  canHere: (ability: Ability) => boolean;
}

const SessionContext = createContext<Session | null>(null);

function jurisdictionsOf(me: Me): Jurisdiction[] {
  const byRegion = new Map<string, Jurisdiction>();
  for (const g of me.roles) {
    const j = byRegion.get(g.regionId);
    if (j) j.roles.push(g.role);
    else byRegion.set(g.regionId, { regionId: g.regionId, name: g.regionName, level: g.regionLevel as Level, roles: [g.role] });
  }
  return [...byRegion.values()];
}

const storageKey = (userId: string) => `xz.jurisdiction.${userId}`;

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const jurisdictions = useMemo(() => jurisdictionsOf(me), [me]);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return sessionStorage.getItem(storageKey(me.id));
    } catch {
      return null;
    }
  });
  const current = jurisdictions.find((j) => j.regionId === chosen) ?? jurisdictions[0] ?? null;
  const setCurrent = useCallback(
    (regionId: string) => {
      setChosen(regionId);
      try {
        sessionStorage.setItem(storageKey(me.id), regionId);
      } catch {
        /* ignore */
      }
    },
    [me.id],
  );
  const can = useCallback((ability: Ability) => hasAbility(me, ability), [me]);
  const here = useRegion(current?.regionId);
  const canHere = useCallback(
    (ability: Ability) => {
      if (!current) return false;
      const above = new Set(here.data?.ancestors.map((a) => a.id) ?? []);
      return abilityRegions(me, ability).some((id) => id === current.regionId || above.has(id));
    },
    [me, current, here.data],
  );
  const value = useMemo(() => ({ me, jurisdictions, current, setCurrent, can, canHere }), [me, jurisdictions, current, setCurrent, can, canHere]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
