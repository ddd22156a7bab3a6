import type * as React from "react";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";
import { createGridController, type GridController } from "./pcf/gridController";

/** PCF lifecycle only: everything else lives in pcf/, model/, services/ and views/. */
export class SessionRegistrationGrid implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private controller: GridController;

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.controller = createGridController(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return this.controller.render(context);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    this.controller.dispose();
  }
}
