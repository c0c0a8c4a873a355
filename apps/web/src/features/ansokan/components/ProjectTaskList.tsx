import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { attachmentsQueryOptions, sectionsQueryOptions, submissionCheckQueryOptions } from '../api';
import { ABOUT, ATTACHMENTS, BUDGET, filledIn, sectionTask, taskState, type TaskState } from '../tasks';
import { requiredHere } from './Attachments';
import type { Case } from '../../../api/types';
import { LoadFailed, Loading } from '../../../components/Loading';
import { paths } from '../../../app/paths';
import { sv } from '../../../text/sv';
import { svAnsokan } from '../../../text/sv-ansokan';

const t = svAnsokan;
const stateColour: Record<TaskState, 'neutral' | 'warning' | 'success'> = {
  ej: 'neutral',
  paborjad: 'warning',
  klar: 'success',
};

/** The project application as a task list: each part its own page, its state beside it, then the check. */
export function ProjectTaskList({ c }: { c: Case }) {
  const sections = useQuery(sectionsQueryOptions());
  const check = useQuery(submissionCheckQueryOptions(c.id));
  const files = useQuery(attachmentsQueryOptions(c.id));
  if (sections.isLoading || check.isLoading || files.isLoading) return <Loading />;
  if (!sections.data || !check.data || !files.data) return <LoadFailed />;
  const problemFields = check.data.problems.map((p) => p.field);
  const tasks = [
    { key: ABOUT, name: t.aboutTask, required: true },
    ...sections.data
      .filter((s) => s.tracks.includes('projekt'))
      .map((s) => ({
        key: sectionTask(s.code),
        name: s.name,
        required: requiredHere(s.requiredFor, 'projekt', null),
      })),
    { key: BUDGET, name: t.budgetTask, required: true },
    { key: ATTACHMENTS, name: t.attachmentsTask, required: false },
  ].map((task) => ({
    ...task,
    state: taskState(filledIn(c, task.key, files.data.length), problemFields, task.key),
  }));
  const done = tasks.filter((x) => x.state === 'klar').length;
  const completion = c.status === 'komplettering_begard';
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t.projectTitle}
      </Heading>
      <Paragraph>{c.title}</Paragraph>
      {completion && <Alert data-color="warning">{sv.sokande.stateSentence.komplettering_begard}</Alert>}
      <Paragraph>{t.taskListIntro}</Paragraph>
      <Paragraph>{t.tasksDone(done, tasks.length)}</Paragraph>
      <ol className="task-list">
        {tasks.map((task) => (
          <li key={task.key} className="task-list-item">
            <RouterLink to={paths.sokande.del(c.id, task.key)} aria-describedby={`task-${task.key}`}>
              {task.name}
            </RouterLink>
            {!task.required && <span className="task-list-note"> ({t.optional.toLowerCase()})</span>}
            <Tag id={`task-${task.key}`} data-color={stateColour[task.state]}>
              {t.taskState[task.state]}
            </Tag>
          </li>
        ))}
        <li className="task-list-item">
          {completion ? (
            <RouterLink to={paths.sokande.arende(c.id)}>{t.completion.backToCase}</RouterLink>
          ) : (
            <RouterLink to={paths.sokande.kontrollera(c.id)}>{t.checkTask}</RouterLink>
          )}
        </li>
      </ol>
    </div>
  );
}
