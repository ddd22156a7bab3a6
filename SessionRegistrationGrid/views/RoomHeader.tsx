import { h } from "./jsx";
import { isFull } from "../model/room";
import type { RegistrationRow } from "../model/types";
import { useGrid } from "./GridContext";
import { useCountAfterPaint } from "./useCountAfterPaint";

/**
 * On a session's form, the room at a glance: "Checked in N · Registered M · Capacity C", following every check-in,
 * with a warning once the people checked in reach the capacity. Counted over the session's registrations, which the
 * grid loads in full on a session's form.
 */
export const RoomHeader = ({ rows, loadingAll }: { rows: readonly RegistrationRow[]; loadingAll: boolean }) => {
  const { text, desk, editor } = useGrid();
  // Counted again after each change (an edit, the session read, a load), once the change's own frame is painted.
  const room = useCountAfterPaint(desk.room, [desk.subscribeSession, editor.subscribe], [desk, editor, rows], desk.room);
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
