import { Heading } from '@digdir/designsystemet-react';

export default function Page() {
  return <Heading level={1}>handlaggare/Arbetsko</Heading>;
}
