import { useHarvestConnect, useHarvestQueryClient, userDirectoryQueries } from '@harvest-connect/react';
import { useInfiniteQuery } from '@tanstack/react-query';

/** The directory's people and roles, as plain tables a product could style its own way. */
export function Directory() {
  const { client } = useHarvestConnect();
  const queryClient = useHarvestQueryClient();
  const users = useInfiniteQuery(userDirectoryQueries.users(client, { status: 'active' }), queryClient);
  const roles = useInfiniteQuery(userDirectoryQueries.roles(client), queryClient);
  if (users.isPending || roles.isPending) return <p role="status">Loading the directory…</p>;
  if (users.error || roles.error) {
    return <p role="alert">The directory could not be loaded: {(users.error ?? roles.error)!.message}</p>;
  }
  const people = users.data.pages.flatMap((p) => p.result);
  const allRoles = roles.data.pages.flatMap((p) => p.result);
  return (
    <div className="directory">
      <table>
        <caption>Active people ({people.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {people.slice(0, 50).map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.emails.find((e) => e.is_primary)?.email ?? u.emails[0]?.email ?? ''}</td>
              <td>{u.roles.map((r) => r.name).join(', ') || '—'}</td>
              <td>{u.employment_type}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Roles ({allRoles.length})</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">People</th>
          </tr>
        </thead>
        <tbody>
          {allRoles.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{r.user_ids.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
