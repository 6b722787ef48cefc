package vigil.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsTextAndBinaryPartsByName() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"resources\"\r\n\r\n[]\r\n"));
        body.writeBytes(bytes("--XyZ\r\nContent-Disposition: form-data; name=\"bits\"; filename=\"app.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n"));
        byte[] binary = {0, '\r', '\n', '-', '-', 'X', (byte) 0xff, '\r', '\n'};
        body.writeBytes(binary);
        body.writeBytes(bytes("\r\n--XyZ--\r\n"));

        MultipartForm form = MultipartForm.parse(TYPE, body.toByteArray());

        assertThat(form.part("resources").orElseThrow().text()).isEqualTo("[]");
        MultipartForm.Part bits = form.part("bits").orElseThrow();
        assertThat(bits.filename()).isEqualTo("app.zip");
        assertThat(bits.contentType()).isEqualTo("application/zip");
        assertThat(bits.content()).containsExactly(binary);
        assertThat(form.part("other")).isEmpty();
    }

    @Test
    void acceptsAQuotedBoundaryAndAnEmptyPart() throws Exception {
        byte[] body = bytes("--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--a b--");

        MultipartForm form = MultipartForm.parse("multipart/form-data; boundary=\"a b\"", body);

        assertThat(form.part("x").orElseThrow().content()).isEmpty();
    }

    @Test
    void rejectsOtherContentTypesMissingBoundariesAndTruncatedBodies() {
        assertThatThrownBy(() -> MultipartForm.parse("application/json", bytes("{}")))
                .isInstanceOf(MultipartForm.MalformedException.class);
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", bytes("--x")))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE,
                bytes("--XyZ\r\nContent-Disposition: form-data; name=\"bits\"\r\n\r\nabc")))
                .hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, bytes("--XyZ\r\nContent-Type: text/plain\r\n\r\nabc\r\n--XyZ--")))
                .hasMessageContaining("Content-Disposition");
    }
}
