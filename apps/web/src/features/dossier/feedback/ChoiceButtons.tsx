import './ChoiceButtons.css';

/**
 * One choice of a few, as a row of big toggle buttons: a tap on a tablet instead of opening a select.
 * A group of buttons with `aria-pressed`, named by its legend.
 */
export function ChoiceButtons<V extends string | number>({
  legend,
  values,
  labelOf,
  value,
  onChange,
}: {
  legend: string;
  values: readonly V[];
  labelOf: (value: V) => string;
  value: V | null;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset className="choice-buttons">
      <legend>{legend}</legend>
      {values.map((option) => (
        <button
          key={option}
          type="button"
          className="choice-buttons__choice"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
        >
          {labelOf(option)}
        </button>
      ))}
    </fieldset>
  );
}
