// Where a household lives, as lists name it: its grid (gridName) and the place from its village down
// (placeName: 孟家湾村 / 一组网格), for every household of a list in one read at most (regions are held in memory).
import type { Ctx } from '../../core/context.js';
import * as regions from '../regions/service.js';

interface Lives {
  regionId: string;
  regionPath: string;
}

export async function householdPlaces(ctx: Ctx, households: Iterable<Lives>) {
  const all = [...households];
  // The whole chains first: the grids are then held, and getMany reads nothing more.
  const placeOf = await regions.placeNames(
    ctx,
    all.map((h) => h.regionPath),
  );
  const grids = new Map(
    (
      await regions.getMany(
        ctx,
        all.map((h) => h.regionId),
      )
    ).map((g) => [g.id, g.name]),
  );
  return {
    gridName: (h: Lives | undefined) => (h ? (grids.get(h.regionId) ?? '') : ''),
    placeName: (h: Lives | undefined) => (h ? placeOf(h.regionPath) : ''),
  };
}
