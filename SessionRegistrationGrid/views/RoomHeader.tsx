import * as React from "react";
import { h } from "./jsx";
import { isFull } from "../model/room";
import { sameData } from "../model/sameData";
import type { RegistrationRow } from "../model/types";
import { afterNextPaint } from "./afterPaint";
import { useGrid } from "./GridContext";

/**
 * On a session's form, the room at a glance: "Checked in N · Registered M · Capacity C", following every check-in,
 * with a warning once the people checked in reach the capacity. Counted over the session's registrations, which the
 * grid loads in full on a session's form.
 */
export const RoomHeader = ({ rows, loadingAll }: { rows: readonly RegistrationRow[]; loadingAll: boolean }) => {
  const { text, desk, editor } = useGrid();
  const [room, setRoom] = React.useState(desk.room);
  // Counted again after each change (an edit, the session read, a load), once the change's own frame is painted.
  React.useEffect(() => {
    let cancel = () => undefined as void;
    const recount = () => {
      cancel();
      cancel = afterNextPaint(() => setRoom((before) => {
        const next = desk.room();
        return before && next && sameData(before, next) ? before : next;
      }));
    };
    const offDesk = desk.subscribeSession(recount);
    const offEdits = editor.subscribe(recount);
    recount();
    return () => {
      cancel();
      offDesk();
      offEdits();
    };
  }, [desk, editor, rows]);
  if (!room) return null;
  const full = isFull(room);
  return (
    <div className={full ? "srg-room srg-room--full" : "srg-room"}>
      <span className="srg-room-numbers">
        {room.capacity === undefined
          ? text("Room_Header", room.checkedIn, room.registered)
          : text("Room_HeaderCapacity", room.checkedIn, room.registered, room.capacity)}
      </span>
      {loadingAll && <span className="srg-room-counting">{text("Room_Counting")}</span>}
      {full && <strong className="srg-room-warning">{text("Room_Full")}</strong>}
    </div>
  );
};
