/**
 * How long a QKD link's key pool lasts: seconds until it is empty if the secret key rate and the
 * consumption stay as they are now (kbit / (kbit/s) = s). Null when the pool is not draining
 * (keys are made at least as fast as they are used) or a figure is missing or not a number;
 * 0 when it is already empty and still drawn on.
 */
export function keyPoolExhaustion(
  storedKbit: number,
  secretKeyRateKbps: number,
  consumptionKbps: number,
): number | null {
  if (![storedKbit, secretKeyRateKbps, consumptionKbps].every(Number.isFinite)) return null;
  const drain = consumptionKbps - secretKeyRateKbps;
  if (drain <= 0) return null;
  return Math.max(0, storedKbit) / drain;
}
