// A day typed jj/mm/aaaa, whatever the language of the computer: Chromium's own date input follows the
// OS locale (a US system shows mm/dd/yyyy), which a French counter must not have to guess.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBirthDate, parseDay } from '../format/dates';

interface Props {
  label: string;
  name: string;
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  /** Called with a real date (YYYY-MM-DD) or '' when emptied; never with a half-typed or impossible date. */
  onChange: (day: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function DateField({ label, name, value, onChange, inputRef }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState(value ? formatBirthDate(value) : '');
  const [invalid, setInvalid] = useState(false);
  const own = useRef<HTMLInputElement | null>(null);
  // A value set from outside (a reset) replaces what is shown, unless it is what was just typed: only a
  // change of `value` runs this, not each keystroke.
  useEffect(() => {
    if ((parseDay(text) ?? '') !== value) {
      setText(value ? formatBirthDate(value) : '');
      setInvalid(false);
    }
  }, [value]);
  useEffect(() => own.current?.setCustomValidity(invalid ? t('dateField.invalid') : ''), [invalid, t]);

  return (
    // The hint sits beside the label, not in it: the field's name stays "Du", its description says the format.
    <div className="date-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={(el) => {
          own.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) inputRef.current = el;
        }}
        type="text"
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('dateField.placeholder')}
        aria-describedby={hintId}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const day = parseDay(typed);
          const empty = typed.trim() === '';
          setInvalid(!empty && day === null);
          if (empty) onChange('');
          else if (day) onChange(day);
        }}
      />
      <span id={hintId} className={invalid ? 'hint ko' : 'hint'}>
        {invalid ? t('dateField.invalid') : t('dateField.format')}
      </span>
    </div>
  );
}
