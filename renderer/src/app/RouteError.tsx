import { useRouteError } from 'react-router';
import { ScreenError } from './ScreenError';

/** The router's error element: a render or loader failure inside a route. */
export function RouteError() {
  const error = useRouteError();
  return <ScreenError error={error} />;
}
