import { h } from "./jsx";
import type { Arrivals } from "../model/arrivals";
import type { ArrivalRow } from "../model/arrivalWords";
import { useGrid } from "./GridContext";
import { useElementId } from "./useElementId";

/**
 * The chart's numbers as a table: check-ins per 5 minutes (and before or after, when there are any) and the people
 * in by then. It scrolls within a few lines, so it is focusable to scroll from the keyboard.
 */
export const ArrivalsTable = ({ rows, arrivals }: { rows: readonly ArrivalRow[]; arrivals: Arrivals }) => {
  const { text } = useGrid();
  const caption = useElementId("srg-arrivals-caption");
  return (
    <div className="srg-arrivals-table" role="region" aria-labelledby={caption} tabIndex={0}>
      <table>
        <caption id={caption}>{text("Arrivals_LegendBars")}</caption>
        <thead>
          <tr>
            <th scope="col">{text("Arrivals_TableTime")}</th>
            <th scope="col">{text("Arrivals_TableCheckIns")}</th>
            <th scope="col">{text("Arrivals_LegendPeople")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-kind={row.key === "before" || row.key === "after" ? row.key : "bin"}>
              <th scope="row">{row.label}</th>
              <td>{text.number(row.checkIns)}</td>
              <td>{row.people === undefined ? "" : text.number(row.people)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{text("Arrivals_TableTotal")}</th>
            <td>{text.number(arrivals.checkIns)}</td>
            <td>{text.number(arrivals.people)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
};
