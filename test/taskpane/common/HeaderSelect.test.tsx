/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { HeaderSelect } from "../../../src/taskpane/components/common/HeaderSelect";

const inTheme = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("HeaderSelect", () => {
  test("offers the table's headers and reports the one chosen", () => {
    const onChange = jest.fn();
    inTheme(<HeaderSelect label="Person column" value="Owner" headers={["Owner", "Amount"]} onChange={onChange} />);
    const select = screen.getByRole("combobox", { name: "Person column" }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(["Owner", "Amount"]);
    fireEvent.change(select, { target: { value: "Amount" } });
    expect(onChange).toHaveBeenCalledWith("Amount");
  });

  test("a chosen header that is not among them stays listed; nothing chosen shows (choose)", () => {
    const { rerender } = inTheme(
      <HeaderSelect label="Value column" value="Revenue" headers={["Amount"]} onChange={() => {}} />,
    );
    expect(
      Array.from((screen.getByRole("combobox", { name: "Value column" }) as HTMLSelectElement).options).map(
        (o) => o.text,
      ),
    ).toEqual(["Revenue", "Amount"]);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <HeaderSelect label="Value column" value="" headers={["Amount"]} onChange={() => {}} />
      </FluentProvider>,
    );
    expect(
      Array.from((screen.getByRole("combobox", { name: "Value column" }) as HTMLSelectElement).options).map(
        (o) => o.text,
      ),
    ).toEqual(["(choose)", "Amount"]);
  });

  test("an optional column offers (none) first, which chooses no column", () => {
    const onChange = jest.fn();
    inTheme(<HeaderSelect label="SDR column" value="" headers={["Owner", "SDR"]} onChange={onChange} optional />);
    const select = screen.getByRole("combobox", { name: "SDR column" }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(["(none)", "Owner", "SDR"]);
    expect(select.value).toBe("");
    fireEvent.change(select, { target: { value: "SDR" } });
    expect(onChange).toHaveBeenLastCalledWith("SDR");
  });
});
