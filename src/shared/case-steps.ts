// 党员代办's six steps, recorded on a service case in order (受理、核实、告知、上报、代理、反馈). Shared by the server's
// rule (modules/cases) and the console's and phone's 代办 buttons.
export const SERVICE_STEPS = ['受理', '核实', '告知', '上报', '代理', '反馈'] as const;
export type ServiceStep = (typeof SERVICE_STEPS)[number];

/** The next service step due, given those already recorded; null when all six are done. */
export function nextServiceStep(done: readonly string[]): ServiceStep | null {
  return SERVICE_STEPS.find((s) => !done.includes(s)) ?? null;
}
