import { useEffect, useState } from 'react';

/** A text box that searches as the user types, once they pause: one request per word, not per keystroke. */
export function SearchBox({
  id,
  label,
  hint,
  value,
  onSearch,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onSearch: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <div className="field field--wide">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        placeholder={hint}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}

export function Select({ id, label, value, onChange, children }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
