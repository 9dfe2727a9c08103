'use client';
/**
 * A searchable time-zone picker: a text field suggesting the IANA zones this runtime knows, plus
 * UTC (which Intl.supportedValuesOf leaves out). Typing filters the suggestions; any zone the
 * schedule parser accepts may be typed.
 */
import type { InputHTMLAttributes } from 'react';

let zones: string[] | null = null;

function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

export function TimeZoneInput({ id, ...props }: { id: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'list' | 'id'>) {
  return (
    <>
      <input id={id} list={`${id}-zones`} autoComplete="off" spellCheck={false} {...props} />
      <datalist id={`${id}-zones`}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
