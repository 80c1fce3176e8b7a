/** pstats' `print_callers` / `print_callees` for one row: who called it, whom it called. */
import type { Profile } from '../../../../sandbox/types';
import type { PartnerRow } from '../common/processors';
import { formatTableTime, type TimeUnit } from '../common/format';
import { locatedName } from '../common/frame-text';

interface Props {
  profile: Profile;
  frame: number;
  partners: { callers: PartnerRow[]; callees: PartnerRow[] };
  unit: TimeUnit;
}

export function PartnersPanel({ profile, frame, partners, unit }: Props) {
  const name = locatedName(profile.frames[frame]);
  return (
    <div className="wb-partners">
      <PartnerList title={`${name} was called by…`} arrow="<-" rows={partners.callers} profile={profile} unit={unit} empty="the top-level script" />
      <PartnerList title={`${name} called…`} arrow="->" rows={partners.callees} profile={profile} unit={unit} empty="nothing that was recorded" />
    </div>
  );
}

function PartnerList(props: { title: string; arrow: string; rows: PartnerRow[]; profile: Profile; unit: TimeUnit; empty: string }) {
  const { title, arrow, rows, profile, unit, empty } = props;
  return (
    <table className="wb-partners-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="wb-num">ncalls</th>
          <th scope="col" className="wb-num">tottime</th>
          <th scope="col" className="wb-num">cumtime</th>
          <th scope="col">function</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.frame} data-frame={row.frame}>
              <td className="wb-num">{row.calls}</td>
              <td className="wb-num">{formatTableTime(row.selfMs, unit)}</td>
              <td className="wb-num">{formatTableTime(row.totalMs, unit)}</td>
              <td>
                <span aria-hidden="true">{arrow} </span>
                {locatedName(profile.frames[row.frame])}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
