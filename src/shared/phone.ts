// Phone number shapes, shared by the server and the console.

/** Mainland mobile number: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code, e.g. 0912-3456789. */
export const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export const isMobile = (p: string) => MOBILE.test(p);
export const phoneOk = (p: string) => MOBILE.test(p) || LANDLINE.test(p);
