import { IANAZone } from 'luxon';
import { z } from 'zod';

const PHONE = /^[0-9+()\- ]{2,40}$/;
const phone = z.string().trim().regex(PHONE, 'a phone number has 2–40 digits, spaces, +, - or ()');
/** Forms send "" for an empty field: that means "none". */
const optionalPhone = z.preprocess((value) => (value === '' ? undefined : value), phone.optional());

/** A station's editable fields, for the console form and the API. */
export const StationSchema = z.object({
  name: z.string().trim().min(1).max(100),
  region: z.string().trim().min(1).max(100),
  timezone: z
    .string()
    .trim()
    .refine((zone) => IANAZone.isValidZone(zone), 'not a known IANA timezone such as Asia/Shanghai'),
  emergencyNumber: phone.default('120'),
  hotline: optionalPhone,
  drugCounsellingNumber: optionalPhone,
  reliefOfficeNumber: optionalPhone,
});
export type StationInput = z.infer<typeof StationSchema>;
