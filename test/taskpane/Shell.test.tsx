/** @jest-environment jsdom */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";
import { COMP_FUNCTIONS } from "../../src/functions/registry";

describe("task pane shell", () => {
  test("shows the product, the host it runs in, and every COMP function with its arguments", () => {
    render(<TaskpaneApp host={null} hostKind="excel" />);
    expect(screen.getByRole("heading", { level: 1, name: "Comp Planner" })).toBeTruthy();
    expect(screen.getByText("Connected to Excel")).toBeTruthy();
    const list = screen.getByRole("list");
    expect(list.querySelectorAll("li")).toHaveLength(COMP_FUNCTIONS.length);
    expect(
      screen.getByText("COMP.PAYOUT(attainment, target_incentive, tiers, [mode], [threshold], [cap])"),
    ).toBeTruthy();
  });
  test("without office.js it still renders and says what to do", () => {
    render(<TaskpaneApp host={null} hostKind="none" />);
    expect(screen.getByText("Not connected to Excel")).toBeTruthy();
    expect(screen.getByText(/Office.js could not load/)).toBeTruthy();
  });
});
