import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { sv } from '../text/sv';
import { usePageTitle } from '../app/usePageTitle';

export function NotFound() {
  usePageTitle(sv.app.notFound);
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {sv.app.notFound}
      </Heading>
      <Paragraph>{sv.app.notFoundText}</Paragraph>
      <RouterLink to="/">{sv.app.toStart}</RouterLink>
    </div>
  );
}
