import { DefaultButton } from "@fluentui/react";
import { pagingText } from "../model/paging";
import type { Text } from "../model/text";
import type { PagingState } from "../model/types";
import { h } from "./h";

/** "N of M" and, for keyboard users, a Load more button (scrolling to the end loads more too). */
export const PagingFooter = ({ paging, text, onLoadMore }: { paging: PagingState; text: Text; onLoadMore: () => void }) => {
  const count = pagingText(paging);
  return (
    <div className="srg-footer">
      <span className="srg-count-text" aria-live="polite">
        {text(count.key, count.loaded, count.total)}
      </span>
      {paging.hasMore &&
        (paging.loadingMore ? <span role="status">{text("Paging_LoadingMore")}</span> : <DefaultButton text={text("Paging_LoadMore")} onClick={onLoadMore} />)}
    </div>
  );
};
