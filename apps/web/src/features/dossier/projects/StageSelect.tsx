import { ProjectStage, projectStageLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCard_ProjectFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useUpdateProject } from './useUpdateProject';

/**
 * Moves the project to another stage in one choice. WON and LOST are final; the server keeps them
 * so and its refusal is shown under the choice.
 */
export function StageSelect({
  project,
  customerId,
}: {
  project: ProjectCard_ProjectFragment;
  customerId: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [update] = useUpdateProject(project, customerId);
  const { submit, error, fieldError, dismiss } = useSubmit(() => undefined);
  const [wanted, setWanted] = useState(project.stage);
  const move = (stage: ProjectStage) => {
    setWanted(stage);
    submit(() => update({ stage }));
  };

  return (
    <>
      <Field label={t('projects.stage')} error={fieldError('stage')}>
        {(control) => (
          <select {...control} value={project.stage} onChange={(e) => move(e.target.value as ProjectStage)}>
            {Object.values(ProjectStage).map((stage) => (
              <option key={stage} value={stage}>
                {label(projectStageLabels, stage)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MutationError
        error={error}
        fields={['stage']}
        conflict={{
          fields: [
            {
              label: t('projects.stage'),
              theirs: label(projectStageLabels, project.stage),
              yours: label(projectStageLabels, wanted),
            },
          ],
          onReload: dismiss,
          onReapply: () => move(wanted),
        }}
      />
    </>
  );
}
