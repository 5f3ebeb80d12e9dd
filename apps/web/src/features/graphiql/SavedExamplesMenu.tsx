import { pick, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_EXAMPLES } from './savedExamples';

/**
 * Opens a saved example in a new tab, so whatever the analyst was writing stays in its own. A menu
 * rather than GraphiQL's `defaultTabs`, which only apply on the very first visit.
 */
export function SavedExamplesMenu() {
  const { t } = useTranslation();
  const id = useId();
  const { addTab } = useGraphiQLActions();
  const { queryEditor, variableEditor } = useGraphiQL(pick('queryEditor', 'variableEditor'));

  const open = (exampleId: string) => {
    const example = SAVED_EXAMPLES.find((candidate) => candidate.id === exampleId);
    if (!example || !queryEditor) return;
    addTab();
    queryEditor.setValue(example.query);
    variableEditor?.setValue(example.variables ? JSON.stringify(example.variables, null, 2) : '');
    queryEditor.focus();
  };

  return (
    <div className="saved-examples">
      <label htmlFor={id}>{t('graphiql.examples')}</label>
      {/* Always back on the prompt: choosing the same example again opens it again. */}
      <select id={id} value="" disabled={!queryEditor} onChange={(event) => open(event.target.value)}>
        <option value="" disabled>
          {t('graphiql.pickExample')}
        </option>
        {SAVED_EXAMPLES.map((example) => (
          <option key={example.id} value={example.id}>
            {t(example.label)}
          </option>
        ))}
      </select>
    </div>
  );
}
