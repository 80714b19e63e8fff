// 403 for an admin page this admin's roles do not include, inside the admin frame.
import { ForbiddenContent } from "@/components/states/forbidden-content";

export default function AdminForbidden() {
  return <ForbiddenContent inAdmin />;
}
