/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TextField } from "../../../src/taskpane/components/common/TextField";

const inTheme = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("TextField", () => {
  test("is named by its label, shows the text and reports each change as text", () => {
    const onChange = jest.fn();
    inTheme(<TextField label="Target bonus per month" value="1,500" placeholder="0" onChange={onChange} />);
    const input = screen.getByRole("textbox", { name: "Target bonus per month" }) as HTMLInputElement;
    expect(input.value).toBe("1,500");
    expect(input.placeholder).toBe("0");
    fireEvent.change(input, { target: { value: "=1+1" } });
    expect(onChange).toHaveBeenCalledWith("=1+1");
  });

  test("a hint is shown under the field", () => {
    inTheme(<TextField label="Cap" value="" hint="blank: no cap" onChange={() => {}} />);
    expect(screen.getByText("blank: no cap")).toBeTruthy();
  });
});
