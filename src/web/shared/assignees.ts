// 派单 candidates come one row per (person, role): the console's dialog and the phone's list show one line per person
// with their roles together ("村两委干部、党员 · 孟家湾村"), in the order the server ranked them.
export function onePerPerson<A extends { userId: string; role: string }>(rows: readonly A[]): (A & { roles: string[] })[] {
  const byUser = new Map<string, A & { roles: string[] }>();
  for (const a of rows) {
    const p = byUser.get(a.userId);
    if (p) {
      if (!p.roles.includes(a.role)) p.roles.push(a.role);
    } else byUser.set(a.userId, { ...a, roles: [a.role] });
  }
  return [...byUser.values()];
}
