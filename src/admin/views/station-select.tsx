import type { FC } from 'hono/jsx';

/**
 * The station picker of the console's filter and create forms (`name="station"`).
 * With `anyLabel`, a first empty option means "every station I may see".
 */
export const StationSelect: FC<{
  label: string;
  stations: readonly { id: string; name: string }[];
  selected: string | null | undefined;
  anyLabel?: string;
}> = ({ label, stations, selected, anyLabel }) => (
  <label>
    {label}
    <select name="station">
      {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
      {stations.map((s) => (
        <option value={s.id} selected={selected === s.id}>
          {s.name}
        </option>
      ))}
    </select>
  </label>
);
